/** @wire */
export interface User {
  id: string;
  email: string;
}

/** @rpc */
export interface UserService {
  getUser(id: string): Promise<User>;
  deleteUser(id: string): Promise<void>;
}
