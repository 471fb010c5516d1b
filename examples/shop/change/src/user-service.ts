/** @wire */
export interface User {
  id: string;
  email: string;
}

/** @rpc */
export interface UserService {
  getUser(id: string, tenant: string): Promise<User | null>;
  deleteUser(id: string): Promise<void>;
  listUsers(): Promise<User[]>;
}
